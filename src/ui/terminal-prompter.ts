// The prompter a terminal gets: inquirer's prompts (ui/prompts.ts), loaded at
// the first question, since they are the heaviest part of pm-guide to start
// and most commands never ask anything.
import type { Context, Prompter } from '../context.js';

type Prompts = typeof import('./prompts.js');

export function terminalPrompter(ctx: () => Context): Prompter {
  let loaded: Prompts | undefined;
  const load = async (): Promise<Prompts> => (loaded ??= await import('./prompts.js'));
  return {
    quizQuestion: async (question) => {
      await load();
      return (await import('./quiz-prompt.js')).quizQuestion(ctx(), question);
    },
    howSure: async () => {
      await load();
      return (await import('./quiz-prompt.js')).howSure(ctx());
    },
    chooseOne: async (message, choices) => (await load()).chooseOne(ctx(), message, choices),
    chooseMany: async (message, choices) => (await load()).chooseMany(ctx(), message, choices),
    typeAnswer: async (message) => (await load()).typeAnswer(ctx(), message),
    confirm: async (message, defaultValue) => (await load()).confirm(ctx(), message, defaultValue),
    pick: async (options) => (await load()).pick(ctx(), options),
    waitForKey: async (message) => (await load()).waitForKey(ctx(), message),
    // No prompt can be on screen before the prompts are loaded.
    abort: () => loaded?.abortPrompts(),
  };
}
