/*
 * pdf-parse's entry point runs its own self-test when it believes it is the main module, which
 * under jest it does; its library file is the same parser without that. Typed as the package.
 */
declare module 'pdf-parse/lib/pdf-parse.js' {
  import parse from 'pdf-parse';
  export default parse;
}
