// Modules made by Vite plugins at build time (wxt.config.ts).
// One part of the built-in glossary (virtual:govlens-glossary/1 …; src/core/glossary/parts.ts).
declare module 'virtual:govlens-glossary/*' {
  const data: import('./core/glossary/builtin').BuiltinGlossaryData;
  export default data;
}
// One part of the built-in entries' explanations (virtual:govlens-glossary-text/1 …; src/core/glossary/parts.ts).
declare module 'virtual:govlens-glossary-text/*' {
  const chunks: readonly string[];
  export default chunks;
}
