// The selector schema lives with matching, which indexes every selector a request names.
export * from '../matching/selectors';
