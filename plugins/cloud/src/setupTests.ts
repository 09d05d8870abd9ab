import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The CI machines are small and busy: pages that load lazily may need more
// than the default second to appear (findBy*, waitFor), and a test more
// than the default five seconds.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
