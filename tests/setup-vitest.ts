// Adds DOM matchers (toBeInTheDocument …) for component tests; harmless in node-environment tests.
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// The planner views are lazy chunks: on a loaded 2-core CI machine their first import can take over a second, longer
// than Testing Library's default 1 s wait for findBy*/waitFor. A wait that is too short fails a correct view.
configure({ asyncUtilTimeout: 5000 });
