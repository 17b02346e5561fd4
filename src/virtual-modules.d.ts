// Modules made by Vite plugins at build time (wxt.config.ts).
declare module 'virtual:govlens-glossary' {
  const data: import('./core/glossary/builtin').BuiltinGlossaryData;
  export default data;
}
