/**
 * The prompts screener uses, named one by one. Importing the package as a namespace
 * (`await import('@inquirer/prompts')`) bundled and ran all eleven of its prompts before
 * the first question, the editor prompt with iconv-lite's character tables among them;
 * named re-exports let the bundler keep only these.
 */
export { checkbox, confirm, input, password, select, Separator } from '@inquirer/prompts';
