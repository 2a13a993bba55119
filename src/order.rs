//! Sorting with one copy of the sort code for the whole app.
//!
//! The standard library's sorts are generic over the element and the comparison, so every
//! `sort_by` call site compiles its own few kilobytes of sorting code: 39 copies made up 55 kB
//! of the 970 kB wasm (session 8). [`sort_by`] sorts positions (`u32`) through a `dyn`
//! comparison, then moves each item once; only that last step is generic, and it is a few
//! lines. The hot sorts of the index build keep plain `sort_unstable` on integers.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, stably (equal items keep their order).
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let from = sorted_positions(items.len(), &|a, b| {
        cmp(&items[a as usize], &items[b as usize])
    });
    permute(items, from);
}

/// The positions `0..len` sorted stably by `cmp`: the one instantiation of the standard sort
/// that every caller shares.
#[inline(never)]
pub fn sorted_positions(len: usize, cmp: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut positions: Vec<u32> = (0..len as u32).collect();
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

/// Puts the item now at `from[k]` in place `k`, for every `k`, moving each item once: follows
/// each cycle of the permutation, swapping, and marks places done by pointing them at
/// themselves.
pub fn permute<T>(items: &mut [T], mut from: Vec<u32>) {
    for start in 0..from.len() {
        let mut k = start;
        while from[k] as usize != start {
            let next = from[k] as usize;
            items.swap(k, next);
            from[k] = k as u32;
            k = next;
        }
        from[k] = k as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs with many equal keys, so stability is exercised; a simple generator keeps it
        // deterministic.
        let mut seed = 7u32;
        let items: Vec<(u8, u32)> = (0..2_000)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((seed >> 24) as u8 % 17, i)
            })
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|item| item.0);
        let mut sorted = items;
        sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
        assert_eq!(sorted, expected);
    }

    #[test]
    fn sorts_empty_single_and_reversed_lists() {
        let mut empty: Vec<String> = Vec::new();
        sort_by(&mut empty, Ord::cmp);
        assert!(empty.is_empty());
        let mut one = vec!["a".to_owned()];
        sort_by(&mut one, Ord::cmp);
        assert_eq!(one, ["a"]);
        let mut reversed: Vec<u32> = (0..100).rev().collect();
        sort_by(&mut reversed, Ord::cmp);
        assert_eq!(reversed, (0..100).collect::<Vec<_>>());
    }
}
