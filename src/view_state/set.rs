//! [`Set`]: the view's filter values, each once and in order, in a sorted `Vec`.
//!
//! The view holds six sets of at most a few dozen values. As `BTreeSet`s each element type
//! compiled its own B-tree code (insertion, removal with rebalancing, cloning, dropping) into
//! the app's wasm; a sorted `Vec` needs a binary search and a few lines per type.

use std::fmt;

/// An ordered set of values, each once, iterated in ascending order (as a `BTreeSet`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Set<T>(Vec<T>);

impl<T: Ord> Set<T> {
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// Adds `value`; false if it was already there.
    pub fn insert(&mut self, value: T) -> bool {
        match self.0.binary_search(&value) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, value);
                true
            }
        }
    }

    /// Removes `value`; false if it was not there.
    pub fn remove(&mut self, value: &T) -> bool {
        match self.0.binary_search(value) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn contains(&self, value: &T) -> bool {
        self.0.binary_search(value).is_ok()
    }

    /// Removes and returns the greatest value.
    pub fn pop_last(&mut self) -> Option<T> {
        self.0.pop()
    }
}

impl<T> Set<T> {
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T> Default for Set<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T: fmt::Debug> fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(&self.0).finish()
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut set = Self::new();
        for value in values {
            set.insert(value);
        }
        set
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for Set<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::Set;
    use std::collections::BTreeSet;

    #[test]
    fn behaves_as_a_btree_set() {
        // The same operations on both, with repeats and removals of absent values.
        let mut seed = 5u32;
        let mut set = Set::new();
        let mut reference = BTreeSet::new();
        for _ in 0..2_000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let value = (seed >> 16) % 40;
            match seed % 5 {
                0..=2 => assert_eq!(set.insert(value), reference.insert(value)),
                3 => assert_eq!(set.remove(&value), reference.remove(&value)),
                _ => assert_eq!(set.pop_last(), reference.pop_last()),
            }
            assert_eq!(set.contains(&value), reference.contains(&value));
            assert_eq!(set.len(), reference.len());
            assert!(set.iter().eq(reference.iter()));
        }
        let collected: Set<u32> = [3, 1, 3, 2].into();
        assert_eq!(collected.into_iter().collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(format!("{:?}", Set::from(["b", "a"])), r#"{"a", "b"}"#);
    }
}
