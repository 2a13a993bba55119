//! A fixed-size set of record positions, one bit each: unions and intersections over 100k
//! records cost a few microseconds.

/// A set of record positions below a fixed length.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Bitset {
    words: Vec<u64>,
}

impl Bitset {
    pub fn empty(len: usize) -> Self {
        Self {
            words: vec![0; len.div_ceil(64)],
        }
    }

    pub fn full(len: usize) -> Self {
        let mut set = Self {
            words: vec![u64::MAX; len.div_ceil(64)],
        };
        // Bits past the end must stay clear, or iteration would yield positions that do not exist.
        if let (Some(last), rest @ 1..) = (set.words.last_mut(), len % 64) {
            *last = (1u64 << rest) - 1;
        }
        set
    }

    pub fn insert(&mut self, position: u32) {
        let position = position as usize;
        if let Some(word) = self.words.get_mut(position / 64) {
            *word |= 1 << (position % 64);
        }
    }

    /// Inserts every position in `positions`.
    pub fn insert_all(&mut self, positions: &[u32]) {
        let words: &mut [u64] = &mut self.words;
        for &position in positions {
            if let Some(word) = words.get_mut(position as usize / 64) {
                *word |= 1 << (position % 64);
            }
        }
    }

    pub fn contains(&self, position: u32) -> bool {
        let position = position as usize;
        self.words
            .get(position / 64)
            .is_some_and(|word| word & (1 << (position % 64)) != 0)
    }

    pub fn remove(&mut self, position: u32) {
        let position = position as usize;
        if let Some(word) = self.words.get_mut(position / 64) {
            *word &= !(1 << (position % 64));
        }
    }

    /// How many positions are in the set.
    pub fn len(&self) -> usize {
        self.words
            .iter()
            .map(|word| word.count_ones() as usize)
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&word| word == 0)
    }

    pub fn union_with(&mut self, other: &Self) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word |= other;
        }
    }

    pub fn intersect_with(&mut self, other: &Self) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word &= other;
        }
    }

    pub fn subtract(&mut self, other: &Self) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word &= !other;
        }
    }

    /// The positions in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(index, &word)| {
            let base = index as u32 * 64;
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros();
                    rest &= rest - 1;
                    base + bit
                })
            })
        })
    }

    /// Calls `visit` with each position in the set, ascending: the hot loops use this rather
    /// than [`Bitset::iter`], whose adapters are not inlined at `opt-level = "z"`.
    #[inline]
    pub fn for_each(&self, mut visit: impl FnMut(u32)) {
        let words: &[u64] = &self.words;
        for (index, &word) in words.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                visit(index as u32 * 64 + rest.trailing_zeros());
                rest &= rest - 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations_and_iteration() {
        for len in [0, 1, 63, 64, 65, 130] {
            let full = Bitset::full(len);
            assert_eq!(full.iter().count(), len, "full({len})");
            let mut odd = Bitset::empty(len);
            (1..len as u32).step_by(2).for_each(|p| odd.insert(p));
            let mut even = full.clone();
            even.subtract(&odd);
            assert!(even.iter().all(|p| p % 2 == 0));
            let mut none = even.clone();
            none.intersect_with(&odd);
            assert!(none.is_empty());
            let mut visited = Vec::new();
            odd.for_each(|position| visited.push(position));
            assert_eq!(visited, odd.iter().collect::<Vec<_>>());
            assert_eq!(visited.len(), len / 2);
        }
    }
}
