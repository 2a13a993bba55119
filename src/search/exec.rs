//! Running a query: which records match the text, in what order, with what counts.

use super::bitset::Bitset;
use super::facets::{self, Selection};
use super::index::IMPACT_STEP;
use super::plan::{CLASS_SCALE, Plan, TermSet, Unit};
use super::{Counted, Found, Query, Results, SearchIndex, Sort};
use std::collections::HashMap;

pub(crate) fn search(index: &SearchIndex, query: &Query) -> Results {
    let selection = Selection::new(index, &query.filters);
    let found = find_with(index, query, &selection);
    let Counted { facets, histogram } = count_with(index, &selection, &found);
    Results {
        hits: found.hits,
        facets,
        histogram,
        total: found.total,
        unmatched_words: found.unmatched_words,
        pending: found.pending,
    }
}

/// Matches and orders, without counting (see [`SearchIndex::find`]).
pub(crate) fn find(index: &SearchIndex, query: &Query) -> Found {
    find_with(index, query, &Selection::new(index, &query.filters))
}

/// The counts that go with `found`, the answer to `query`.
pub(crate) fn count(index: &SearchIndex, query: &Query, found: &Found) -> Counted {
    count_with(index, &Selection::new(index, &query.filters), found)
}

/// [`find`] with the query's filters already made into a [`Selection`].
fn find_with(index: &SearchIndex, query: &Query, selection: &Selection) -> Found {
    let total = index.len() as u32;
    // While the text is not indexed, a query with text finds nothing yet (`pending`), and the
    // counts are of what the filters alone let through, so the facets keep their places.
    if index.text_pending && !super::query::parse(&query.text).items.is_empty() {
        return Found {
            hits: Vec::new(),
            total,
            unmatched_words: Vec::new(),
            pending: true,
            matched: None,
        };
    }
    let plan = Plan::new(index, &query.text);
    let (mut matched, unmatched_words) = text_matches(index, &plan);
    if let Some(only) = &query.only {
        let mut allowed = Bitset::empty(index.len());
        for &position in only.iter().filter(|&&p| (p as usize) < index.len()) {
            allowed.insert(position);
        }
        match &mut matched {
            Some(set) => set.intersect_with(&allowed),
            None => matched = Some(allowed),
        }
    }
    let hits = match facets::passing(selection, matched.clone(), None) {
        Some(set) if !plan.units.is_empty() && query.sort == Sort::Relevance => {
            rank(index, &plan, &set)
        }
        Some(set) => by_date(index, &set, query.sort == Sort::DateDesc),
        None => {
            let mut all = index.by_date.clone();
            if query.sort == Sort::DateDesc {
                all[..index.dated as usize].reverse();
            }
            all
        }
    };
    Found {
        hits,
        total,
        unmatched_words,
        pending: false,
        matched,
    }
}

/// [`count`] with the query's filters already made into a [`Selection`].
fn count_with(index: &SearchIndex, selection: &Selection, found: &Found) -> Counted {
    let tally = facets::tally(index, selection, found.matched.clone());
    Counted {
        facets: tally.facets,
        histogram: tally.histogram,
    }
}

/// The records matching the text (`None`: the text asks for nothing, so all do), and the
/// units that match no record on their own.
fn text_matches(index: &SearchIndex, plan: &Plan) -> (Option<Bitset>, Vec<String>) {
    if plan.units.is_empty() && plan.excluded.is_empty() {
        return (None, Vec::new());
    }
    let len = index.len();
    let mut unmatched = Vec::new();
    let mut cache = SetCache::new();
    let mut matched = Bitset::full(len);
    let mut phrases = Vec::new();
    for unit in &plan.units {
        let set = unit_matches(index, unit, &mut cache);
        if set.is_empty() {
            unmatched.push(unit.label.clone());
        } else if let Some(phrase) = &unit.phrase {
            phrases.push((unit, index.phrase_code(phrase), set.clone()));
        }
        matched.intersect_with(&set);
    }
    // Phrases are checked against the records' part sequences only where everything else
    // matched, because that is the costly step.
    for (_, phrase, _) in &phrases {
        for doc in matched.clone().iter() {
            if !has_phrase(index, doc, phrase) {
                matched.remove(doc);
            }
        }
    }
    if matched.is_empty() {
        for (unit, phrase, set) in &phrases {
            if !set.iter().any(|doc| has_phrase(index, doc, phrase)) {
                unmatched.push(unit.label.clone());
            }
        }
    }
    for unit in &plan.excluded {
        let mut set = unit_matches(index, unit, &mut cache);
        set.intersect_with(&matched);
        match &unit.phrase {
            Some(phrase) => {
                let phrase = index.phrase_code(phrase);
                let found: Vec<u32> = set
                    .iter()
                    .filter(|&doc| has_phrase(index, doc, &phrase))
                    .collect();
                found.into_iter().for_each(|doc| matched.remove(doc));
            }
            None => matched.subtract(&set),
        }
    }
    (Some(matched), unmatched)
}

/// Records matching any alternative of the unit (for a phrase, before checking word order).
fn unit_matches(index: &SearchIndex, unit: &Unit, cache: &mut SetCache) -> Bitset {
    let mut matched = Bitset::empty(index.len());
    for alternative in &unit.alternatives {
        let mut all: Option<Bitset> = None;
        for set in alternative {
            let records = set_matches(index, set, cache);
            match &mut all {
                Some(all) => all.intersect_with(records),
                None => all = Some(records.clone()),
            }
        }
        if let Some(all) = all {
            matched.union_with(&all);
        }
    }
    matched
}

/// The records of each term set computed so far in this query, by its term ids: grouped words
/// repeat their words' sets, and a common word's set costs tens of thousands of insertions.
type SetCache = HashMap<Vec<u32>, Bitset>;

fn set_matches<'c>(index: &SearchIndex, set: &TermSet, cache: &'c mut SetCache) -> &'c Bitset {
    let key: Vec<u32> = set.iter().map(|m| m.term).collect();
    cache.entry(key).or_insert_with(|| {
        let mut matched = Bitset::empty(index.len());
        for term in set {
            matched.insert_all(index.postings(term.term).0);
        }
        matched
    })
}

/// Whether the record's text holds the phrase's parts consecutively, within one field.
/// `phrase` is coded by [`SearchIndex::phrase_code`]; a gap's code never occurs in it.
fn has_phrase(index: &SearchIndex, doc: u32, phrase: &[u8]) -> bool {
    let Some((&first, rest)) = phrase.split_first() else {
        return true;
    };
    let sequence = index.sequence(doc);
    // A plain index loop: this scans every candidate's whole text, and iterator adapters are
    // not inlined at `opt-level = "z"`. A match must start where a part's code starts: at the
    // beginning or after a byte without the continuation bit.
    let mut at = 0;
    while at < sequence.len() {
        if sequence[at] == first
            && (at == 0 || sequence[at - 1] < 0x80)
            && sequence[at + 1..].starts_with(rest)
        {
            return true;
        }
        at += 1;
    }
    false
}

/// The hits in date order, undated last in both directions.
fn by_date(index: &SearchIndex, hits: &Bitset, newest_first: bool) -> Vec<u32> {
    let mut ordered: Vec<u32> = if index.date_sorted {
        let mut ordered = Vec::new();
        hits.for_each(|doc| ordered.push(doc));
        ordered
    } else {
        index
            .by_date
            .iter()
            .copied()
            .filter(|&doc| hits.contains(doc))
            .collect()
    };
    if newest_first {
        let dated =
            ordered.partition_point(|&doc| index.records[doc as usize].date_rank < index.dated);
        ordered[..dated].reverse();
    }
    ordered
}

/// Orders the hits best first, ties in date order. A record's score is, per unit of the query,
/// its best-matching term's class points plus that term's BM25 share in the record.
fn rank(index: &SearchIndex, plan: &Plan, hits: &Bitset) -> Vec<u32> {
    let ordered = by_date(index, hits, false);
    // Scores live in arrays as long as the hit list; `slot_of` finds a record's place in them.
    // (The loops below index slices, not vectors: at `opt-level = "z"` a vector's indexing is a
    // function call.)
    let mut slot_of = vec![u32::MAX; index.len()];
    let slot_of: &mut [u32] = &mut slot_of;
    for (slot, &doc) in ordered.iter().enumerate() {
        slot_of[doc as usize] = slot as u32;
    }
    let (mut totals, mut bests) = (vec![0f32; ordered.len()], vec![0f32; ordered.len()]);
    let (total, best): (&mut [f32], &mut [f32]) = (&mut totals, &mut bests);
    let mut touched: Vec<u32> = Vec::new();
    for unit in &plan.units {
        for term in unit.alternatives.iter().flatten().flatten() {
            let (docs, impacts) = index.postings(term.term);
            let class = f32::from(term.class) * CLASS_SCALE;
            let scale = term.factor * IMPACT_STEP;
            for (&doc, &impact) in docs.iter().zip(impacts) {
                let slot = slot_of[doc as usize];
                if slot == u32::MAX {
                    continue;
                }
                let value = class + (scale * f32::from(impact)).min(CLASS_SCALE - 1.0);
                let cell = &mut best[slot as usize];
                if *cell == 0.0 {
                    touched.push(slot);
                }
                *cell = cell.max(value);
            }
        }
        for slot in touched.drain(..) {
            total[slot as usize] += best[slot as usize];
            best[slot as usize] = 0.0;
        }
    }
    // Scores in eighths (BM25 differences below that say nothing), best first.
    let keys: Vec<u16> = total
        .iter()
        .map(|&score| u16::MAX - (score * 8.0).round().clamp(0.0, f32::from(u16::MAX)) as u16)
        .collect();
    stable_sort_by_key(&ordered, &keys)
}

/// `items` ordered by `keys` (parallel to them), keeping the order of equal keys: a two-pass
/// radix sort, which at 100k hits is several times faster than a comparison sort.
fn stable_sort_by_key(items: &[u32], keys: &[u16]) -> Vec<u32> {
    let mut pairs: Vec<(u16, u32)> = keys.iter().copied().zip(items.iter().copied()).collect();
    let mut buffer = vec![(0u16, 0u32); pairs.len()];
    for shift in [0, 8] {
        let mut starts = [0usize; 257];
        pairs
            .iter()
            .for_each(|&(key, _)| starts[usize::from(key >> shift & 0xFF) + 1] += 1);
        if starts.contains(&pairs.len()) {
            continue; // Every key has the same byte here.
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        for &pair in &pairs {
            let at = &mut starts[usize::from(pair.0 >> shift & 0xFF)];
            buffer[*at] = pair;
            *at += 1;
        }
        std::mem::swap(&mut pairs, &mut buffer);
    }
    pairs.into_iter().map(|(_, item)| item).collect()
}
