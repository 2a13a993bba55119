//! "Bench to bedside": per approach, the earliest basic discovery, preclinical result, human
//! study and approval among the matching records, and how far apart they are, in words. Pure, so
//! `tests/bedside.rs` checks it natively; `components::bench` draws it.

use crate::data::{Approach, Stage, Study};

/// A step from lab to clinic: its column heading, how a sentence names it, and its stages.
pub struct Step {
    pub heading: &'static str,
    pub named: &'static str,
    pub stages: &'static [Stage],
}

/// The four steps, in the order a therapy is expected to take them.
pub const STEPS: [Step; 4] = [
    Step {
        heading: "Basic discovery",
        named: "the basic discovery",
        stages: &[Stage::BasicDiscovery],
    },
    Step {
        heading: "Preclinical",
        named: "the lab and animal work",
        stages: &[Stage::InVitro, Stage::Preclinical],
    },
    Step {
        heading: "First in humans",
        named: "the first human study",
        stages: &[Stage::Clinical, Stage::Phase1, Stage::Phase2, Stage::Phase3],
    },
    Step {
        heading: "Approval",
        named: "the first approval",
        stages: &[Stage::Approval],
    },
];

/// For each approach with at least two steps, the earliest dated record of each step (by index
/// into `studies`). "First in humans" is the earliest human study of any phase.
pub fn firsts(studies: &[Study], hits: &[u32]) -> Vec<(Approach, [Option<usize>; 4])> {
    let mut table: Vec<(Approach, [Option<usize>; 4])> =
        Approach::ALL.iter().map(|&a| (a, [None; 4])).collect();
    for &hit in hits {
        let study = &studies[hit as usize];
        let Some(date) = study.date else { continue };
        let Some(step) = STEPS.iter().position(|s| s.stages.contains(&study.stage)) else {
            continue;
        };
        for approach in &study.approaches {
            let slot = &mut table[*approach as usize].1[step];
            let earlier = slot.is_none_or(|i| studies[i].date.is_some_and(|d| date < d));
            if earlier {
                *slot = Some(hit as usize);
            }
        }
    }
    table.retain(|(a, steps)| {
        !matches!(
            a,
            Approach::Recognition
                | Approach::BasicDiscovery
                | Approach::ResearchTool
                | Approach::Other
        ) && steps.iter().filter(|s| s.is_some()).count() >= 2
    });
    table
}

/// How a step's year stands to the year of the step before it (`earlier`, named as in a
/// sentence): "9 years later", "2 years before the first human study", "the same year".
pub fn gap_words(year: i32, earlier: (i32, &str)) -> String {
    let (before, named) = earlier;
    let years = |n: i32| {
        if n == 1 {
            "1 year".to_owned()
        } else {
            format!("{n} years")
        }
    };
    match year - before {
        0 => format!("the same year as {named}"),
        n if n > 0 => format!("{} after {named}", years(n)),
        n => format!("{} before {named}", years(-n)),
    }
}

/// The words for the whole way from the first step to the approval, when both are there.
pub fn lab_to_approval(first: Option<i32>, approval: Option<i32>) -> String {
    match (first, approval) {
        (Some(a), Some(b)) if b >= a => format!("{} years", b - a),
        (Some(a), Some(b)) => format!("approved {} years before the earliest lab record", a - b),
        _ => "—".to_owned(),
    }
}

/// What a row says between its steps, given each step's year (`None` where the step is
/// missing): the gap before each step, in words, from the step before it that is there; and the
/// whole way from the first step to the approval. The table on the page and its image
/// (`exchange::picture`) both say exactly this.
pub fn row_words(years: [Option<i32>; 4]) -> ([Option<String>; 4], String) {
    let mut previous: Option<(i32, &str)> = None;
    let mut gaps: [Option<String>; 4] = Default::default();
    for ((year, step), gap) in years.iter().zip(&STEPS).zip(&mut gaps) {
        if let Some(year) = *year {
            *gap = previous.map(|p| gap_words(year, p));
            previous = Some((year, step.named));
        }
    }
    let first = years.iter().find_map(|&y| y);
    (gaps, lab_to_approval(first, years[3]))
}
