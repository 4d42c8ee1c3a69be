/** xhr2 ships no types: the tests only hand its XMLHttpRequest to the official Direct Line client. */
declare module 'xhr2' {
  const XMLHttpRequest: unknown;
  export default XMLHttpRequest;
}
