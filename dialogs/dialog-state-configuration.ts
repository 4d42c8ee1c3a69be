import type { TurnContext } from 'botbuilder';
import type { DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/** The turn-state key under which botbuilder-dialogs' DialogStateManager looks for, and caches, its configuration. */
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/**
 * Keeps the dialog memory scopes and path resolvers from one turn to the next, as DialogManager does
 * with its `stateConfiguration`: otherwise the first DialogContext of every turn builds them again
 * through a service collection (and a failing zod parse), a measurable share of a chat turn. They
 * hold no turn data: each scope reads the DialogContext it is given.
 */
export class DialogStateConfigurationCache {
  private configuration: DialogStateManagerConfiguration | undefined;

  /** Call before the turn's first DialogContext is created. */
  lend(context: TurnContext): void {
    if (this.configuration && !context.turnState.has(CONFIGURATION_KEY)) context.turnState.set(CONFIGURATION_KEY, this.configuration);
  }

  /** Call after a DialogContext was created: keeps what it built, the first time. */
  keep(context: TurnContext): void {
    this.configuration ??= context.turnState.get<DialogStateManagerConfiguration | undefined>(CONFIGURATION_KEY);
  }
}
