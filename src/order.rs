//! Sorting with one copy of the sort code for the whole app.
//!
//! The standard library's sorts are generic over the element and the comparison, so every
//! `sort_by` call site compiles its own few kilobytes of sorting code: 39 copies made up 55 kB
//! of the 970 kB wasm (session 8). [`sort_by`] sorts positions (`u32`) through a `dyn`
//! comparison, then moves each item once; only that last step is generic, and it is a few
//! lines. The hot sorts of the index build keep plain `sort_unstable` on integers.
//! [`select_nth_by`] does the same for the standard `select_nth_unstable_by`.

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

/// Moves the `nth + 1` first items by `cmp` to `items[..=nth]`, with the `nth` in its place,
/// leaving exactly the arrangement `items.select_nth_unstable_by(nth, cmp)` leaves, equal items
/// included: the standard selection decides only by comparisons, and for items up to 96 bytes
/// (all of the app's) it partitions positions as it would partition the items. Panics, as the
/// standard one does, if `nth >= items.len()`.
pub fn select_nth_by<T>(items: &mut [T], nth: usize, cmp: impl Fn(&T, &T) -> Ordering) {
    let from = selected_positions(items.len(), nth, &|a, b| {
        cmp(&items[a as usize], &items[b as usize])
    });
    permute(items, from);
}

/// The positions `0..len` arranged by `select_nth_unstable_by`: the one instantiation of the
/// standard selection that every caller shares.
#[inline(never)]
fn selected_positions(len: usize, nth: usize, cmp: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut positions: Vec<u32> = (0..len as u32).collect();
    positions.select_nth_unstable_by(nth, |&a, &b| cmp(a, b));
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
    fn selects_exactly_as_the_standard_selection() {
        // Many equal keys, so the arrangement of equal items is exercised, in the two shapes
        // the app selects: integers and small records compared on some of their fields.
        let mut seed = 11u32;
        let mut next = move || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            seed >> 16
        };
        for len in [1, 2, 3, 16, 17, 20, 63, 64, 65, 200, 1_000, 5_000] {
            let numbers: Vec<u64> = (0..len).map(|_| u64::from(next() % 50)).collect();
            let records: Vec<(u8, u32, f32)> = (0..len)
                .map(|i| ((next() % 3) as u8, next() % 7, i as f32))
                .collect();
            for nth in [0, len / 3, len / 2, len - 1] {
                let mut expected = numbers.clone();
                expected.select_nth_unstable(nth);
                let mut selected = numbers.clone();
                select_nth_by(&mut selected, nth, Ord::cmp);
                assert_eq!(selected, expected, "{len} numbers, nth {nth}");

                let by_fields =
                    |a: &(u8, u32, f32), b: &(u8, u32, f32)| (b.0, b.1).cmp(&(a.0, a.1));
                let mut expected = records.clone();
                expected.select_nth_unstable_by(nth, by_fields);
                let mut selected = records.clone();
                select_nth_by(&mut selected, nth, by_fields);
                assert_eq!(selected, expected, "{len} records, nth {nth}");
            }
        }
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
