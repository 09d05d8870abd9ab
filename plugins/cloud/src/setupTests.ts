import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The CI machines are small and busy: pages that load lazily may need more
// than the default second to appear (findBy*, waitFor).
configure({ asyncUtilTimeout: 10_000 });
