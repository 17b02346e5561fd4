// Unit tests run the core in Node, where the model data, the S→T tables and the built-in glossary are bundled (the extension injects them per page).
import '../../src/core/lm/shipped';
import '../../src/core/repair/traditional/s2t-tables';
import '../../src/core/glossary/shipped';
