// Every test gets a real (in-memory) IndexedDB and the DOM matchers; component tests opt into jsdom
// with `// @vitest-environment jsdom`.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
