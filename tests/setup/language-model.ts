// Unit tests run the core in Node, where the model data is bundled (the extension injects it per page).
import '../../src/core/lm/shipped';
