//! Counting records per facet value: the one loop that walks a set of records and adds each to
//! the counts of its values, for the facets a query asks for.

use super::SearchIndex;
use super::bitset::Bitset;
use super::index::{NO_YEAR, Record};

/// The facets, as bits of a mask.
pub(super) const APPROACH: u8 = 1;
pub(super) const CANCER_TYPE: u8 = 2;
pub(super) const STAGE: u8 = 4;
pub(super) const INSTITUTION: u8 = 8;
pub(super) const YEAR: u8 = 16;
pub(super) const OUTCOME: u8 = 32;
pub(super) const REGULATOR: u8 = 64;
pub(super) const ALL: u8 = 127;

/// Counts per facet value.
#[derive(Clone, Debug, Default)]
pub(super) struct Counts {
    pub approaches: [u32; 32],
    pub cancer_types: [u32; 32],
    pub stages: [u32; 32],
    /// By [`Record::outcome_slot`]: slot 0 counts the records without an outcome.
    pub outcomes: [u32; 8],
    /// By [`Record::regulator_slot`]: slot 0 counts the records without a regulator.
    pub regulators: [u32; 32],
    pub institutions: Vec<u32>,
    /// Per year from the index's first year.
    pub years: Vec<u32>,
}

impl Counts {
    /// All zero, for `institutions` institutions and `years` years.
    pub fn new(institutions: usize, years: usize) -> Self {
        Self {
            institutions: vec![0; institutions],
            years: vec![0; years],
            ..Self::default()
        }
    }

    /// Copies the facets in `which` from `from`.
    pub fn copy(&mut self, from: &Counts, which: u8) {
        if which & APPROACH != 0 {
            self.approaches = from.approaches;
        }
        if which & CANCER_TYPE != 0 {
            self.cancer_types = from.cancer_types;
        }
        if which & STAGE != 0 {
            self.stages = from.stages;
        }
        if which & OUTCOME != 0 {
            self.outcomes = from.outcomes;
        }
        if which & REGULATOR != 0 {
            self.regulators = from.regulators;
        }
        if which & INSTITUTION != 0 {
            self.institutions.clone_from(&from.institutions);
        }
        if which & YEAR != 0 {
            self.years.clone_from(&from.years);
        }
    }

    /// Adds `step` (1, or `u32::MAX` to take away) for each record in `set` to the counts of
    /// the facets `which` names; years count from `first_year`. (The loop indexes slices, not
    /// vectors: at `opt-level = "z"` a vector's indexing is a function call.)
    pub fn add_set(
        &mut self,
        index: &SearchIndex,
        first_year: i32,
        set: &Bitset,
        which: u8,
        step: u32,
    ) {
        let records: &[Record] = &index.records;
        let (inst_starts, inst_ids): (&[u32], &[u32]) = (&index.inst_starts, &index.inst_ids);
        let institutions: &mut [u32] = &mut self.institutions;
        let years: &mut [u32] = &mut self.years;
        let (approaches, cancer_types, stages) = (
            &mut self.approaches,
            &mut self.cancer_types,
            &mut self.stages,
        );
        let (outcomes, regulators) = (&mut self.outcomes, &mut self.regulators);
        set.for_each(|doc| {
            let record = &records[doc as usize];
            if which & APPROACH != 0 {
                for_bits(record.approaches, |bit| {
                    approaches[bit] = approaches[bit].wrapping_add(step)
                });
            }
            if which & CANCER_TYPE != 0 {
                for_bits(record.cancer_types, |bit| {
                    cancer_types[bit] = cancer_types[bit].wrapping_add(step)
                });
            }
            if which & STAGE != 0 {
                let stage = &mut stages[usize::from(record.stage)];
                *stage = stage.wrapping_add(step);
            }
            if which & OUTCOME != 0 {
                let outcome = &mut outcomes[record.outcome_slot()];
                *outcome = outcome.wrapping_add(step);
            }
            if which & REGULATOR != 0 {
                let regulator = &mut regulators[record.regulator_slot()];
                *regulator = regulator.wrapping_add(step);
            }
            if which & INSTITUTION != 0 {
                let range =
                    inst_starts[doc as usize] as usize..inst_starts[doc as usize + 1] as usize;
                for &id in &inst_ids[range] {
                    institutions[id as usize] = institutions[id as usize].wrapping_add(step);
                }
            }
            if which & YEAR != 0 && record.year != NO_YEAR {
                let year = &mut years[(i32::from(record.year) - first_year) as usize];
                *year = year.wrapping_add(step);
            }
        });
    }
}

/// Calls `visit` with the position of each set bit of `mask`, lowest first.
#[inline(always)]
pub(super) fn for_bits(mut mask: u32, mut visit: impl FnMut(usize)) {
    while mask != 0 {
        visit(mask.trailing_zeros() as usize);
        mask &= mask - 1;
    }
}
