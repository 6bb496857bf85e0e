// Every property test runs with the same seed, so a failure in CI happens again
// on any machine; fast-check prints the seed and the path with the failure.
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261130 });
