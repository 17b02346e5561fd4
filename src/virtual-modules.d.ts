// Modules made by Vite plugins at build time (wxt.config.ts).
// One part of the built-in glossary (virtual:govlens-glossary/1 …; src/core/glossary/parts.ts).
declare module 'virtual:govlens-glossary/*' {
  const data: import('./core/glossary/builtin').BuiltinGlossaryData;
  export default data;
}
