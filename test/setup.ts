// Every test gets a real (in-memory) IndexedDB and the DOM matchers; component tests opt into jsdom
// with `// @vitest-environment jsdom`.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy…/waitFor wait up to 1 s by default. Building a Word file or reading IndexedDB on a busy 2-core CI
// machine can take longer; a generous limit costs nothing when things are fast and keeps the suite from
// failing on timing alone (speed is measured in `npm run bench:sync`, never in tests).
configure({ asyncUtilTimeout: 10_000 });
