//! Synthetic records with the dataset's shape, for benchmarks at 1k–100k records.
//! PLACEHOLDER: filled in with the search engine.
