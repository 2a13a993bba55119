//! The domain synonym table (`synonyms.txt`): names that stand for the same thing.

use super::dict::Dict;
use super::tokenize::Tokens;

const TABLE: &str = include_str!("synonyms.txt");

/// The parsed table. Names are compared by their *key*: the folded letters and digits run
/// together, so "PD-1", "PD 1" and "pd1" are one name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Synonyms {
    /// Every distinct key, sorted, so exact, prefix and typo lookups work as for index terms.
    keys: Dict,
    /// For each key id, the names that have it.
    names_by_key: Vec<Vec<u16>>,
    /// Each name as the index terms a record must contain to mention it: one per word.
    names: Vec<Name>,
}

#[derive(Clone, Debug)]
struct Name {
    group: u16,
    key: String,
    words: Vec<String>,
}

impl Synonyms {
    /// Parses the built-in table.
    pub fn builtin() -> Self {
        Self::parse(TABLE)
    }

    fn parse(table: &str) -> Self {
        let mut tokens = Tokens::default();
        let mut names = Vec::new();
        let groups = table
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'));
        for (group, line) in groups.enumerate() {
            for text in line.split('|') {
                let words: Vec<String> = text
                    .split_whitespace()
                    .map(|chunk| {
                        tokens.tokenize(chunk);
                        (0..tokens.words.len()).map(|w| tokens.joined(w)).collect()
                    })
                    .filter(|word: &String| !word.is_empty())
                    .collect();
                if !words.is_empty() {
                    let key = words.concat();
                    names.push(Name {
                        group: group as u16,
                        key,
                        words,
                    });
                }
            }
        }
        let mut keys: Vec<&str> = names.iter().map(|name| name.key.as_str()).collect();
        crate::order::sort_by(&mut keys, Ord::cmp);
        keys.dedup();
        let dict = Dict::from_sorted(keys);
        let mut names_by_key = vec![Vec::new(); dict.len()];
        for (index, name) in names.iter().enumerate() {
            if let Some(key) = dict.find(&name.key) {
                names_by_key[key as usize].push(index as u16);
            }
        }
        Self {
            keys: dict,
            names_by_key,
            names,
        }
    }

    /// The key dictionary, for prefix and typo lookups of a name being typed.
    pub fn keys(&self) -> &Dict {
        &self.keys
    }

    pub fn find(&self, key: &str) -> Option<u32> {
        self.keys.find(key)
    }

    /// Whether key id `key` names a single word ("keytruda", not "tumor necrosis factor"): only
    /// those are matched by prefix or with typos, since the start of a multi-word name is
    /// usually a word of its own.
    pub fn is_one_word(&self, key: u32) -> bool {
        let names = self.names_by_key.get(key as usize).into_iter().flatten();
        names
            .into_iter()
            .any(|&name| self.names[usize::from(name)].words.len() == 1)
    }

    /// The other names of every group the name with key id `key` belongs to, each as the words
    /// a record must contain.
    pub fn others(&self, key: u32) -> impl Iterator<Item = &[String]> {
        let own = self.keys.term(key);
        self.names_by_key
            .get(key as usize)
            .into_iter()
            .flatten()
            .flat_map(move |&name| {
                let group = self.names[usize::from(name)].group;
                self.names
                    .iter()
                    .filter(move |other| other.group == group && other.key != own)
            })
            .map(|name| name.words.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn others(key: &str) -> Vec<String> {
        let synonyms = Synonyms::builtin();
        let Some(id) = synonyms.find(key) else {
            return Vec::new();
        };
        synonyms.others(id).map(|words| words.join(" ")).collect()
    }

    #[test]
    fn names_map_to_the_other_names_of_their_groups() {
        assert_eq!(others("keytruda"), ["pembrolizumab"]);
        assert_eq!(
            others("cd279"),
            [
                "pd1",
                "pdcd1",
                "programmed death1",
                "programmed cell death protein 1"
            ]
        );
        assert_eq!(
            others("cart"),
            ["chimeric antigen receptor", "car t cells", "car t cell"]
        );
        assert_eq!(others("aldesleukin"), ["il2", "interleukin2", "proleukin"]);
        assert_eq!(others("tnfalpha"), ["tumor necrosis factor"]);
        assert!(others("pembro").is_empty());
    }
}
