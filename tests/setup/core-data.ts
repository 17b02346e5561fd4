// Unit tests run the core in Node, where the model data and the S→T tables are bundled (the extension injects them per page).
import '../../src/core/lm/shipped';
import '../../src/core/repair/shipped-data';
import '../../src/core/repair/traditional/s2t-tables';
