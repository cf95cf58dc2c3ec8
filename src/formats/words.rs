//! A list of words kept in one buffer: what the search index holds for every document
//! (a few hundred folded words each). As `Vec<String>` each word was its own allocation,
//! 24 bytes of `String` and an allocator block, several times the word itself; here a
//! word costs its bytes and four for its end, and the list is two allocations.

/// Words in the order they were given, each as given (the caller sorts and removes
/// repeats, so the order is the caller's: by word, or by search file and word).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WordList {
    text: String,
    /// Where each word ends in `text`; word `i` starts where word `i - 1` ends.
    ends: Vec<u32>,
}

/// What the search index keeps of one document, worked out once per edit and shared by
/// every copy of the document (the preview keeps a document between rebuilds until its
/// file changes).
#[derive(Debug, Default)]
pub struct SearchWords {
    /// The words it is found by (folded, sorted by index file and word, each once).
    pub all: std::sync::OnceLock<WordList>,
    /// The words of its title (folded, sorted).
    pub title: std::sync::OnceLock<WordList>,
    /// For each index file it is in, a digest of what that file shows of it.
    pub runs: std::sync::OnceLock<Vec<SearchRun>>,
}

/// Search index files are named by the first this-many characters of their words.
pub const SEARCH_PREFIX: usize = 2;

/// A document's words in one search index file: the file's key (its words' first
/// characters) and a digest of what the file shows of them.
pub type SearchRun = ([char; SEARCH_PREFIX], u64);

impl WordList {
    /// The words of `words`, in their order, with a word that repeats the one before it
    /// left out (so a sorted input gives each word once).
    pub fn from_sorted<'w>(words: impl IntoIterator<Item = &'w str>) -> WordList {
        let mut list = WordList::default();
        for w in words {
            if list.last() != Some(w) {
                list.text.push_str(w);
                // A document's indexed text is bounded far below 4 GiB (search's MAX_TEXT).
                list.ends
                    .push(u32::try_from(list.text.len()).unwrap_or(u32::MAX));
            }
        }
        list.text.shrink_to_fit();
        list.ends.shrink_to_fit();
        list
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Word `i`; panics beyond [`WordList::len`], as slice indexing does.
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    fn last(&self) -> Option<&str> {
        (!self.is_empty()).then(|| self.get(self.len() - 1))
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The words from `from` on.
    pub fn iter_from(&self, from: usize) -> impl Iterator<Item = &str> + '_ {
        (from..self.len()).map(|i| self.get(i))
    }

    /// The first index whose word does not satisfy `pred` (words that do come first),
    /// as [`slice::partition_point`].
    pub fn partition_point(&self, mut pred: impl FnMut(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.get(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Whether `word` is in a list sorted by plain string order.
    pub fn contains_sorted(&self, word: &str) -> bool {
        let i = self.partition_point(|w| w < word);
        i < self.len() && self.get(i) == word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_drops_repeats_and_finds_words() {
        let list = WordList::from_sorted(["aa", "aa", "b", "høring", "høring", "x"]);
        assert_eq!(list.iter().collect::<Vec<_>>(), ["aa", "b", "høring", "x"]);
        assert_eq!(list.len(), 4);
        assert_eq!(list.get(2), "høring");
        assert!(list.contains_sorted("b") && list.contains_sorted("x"));
        assert!(
            !list.contains_sorted("c") && !list.contains_sorted("") && !list.contains_sorted("y")
        );
        assert_eq!(list.partition_point(|w| w < "c"), 2);
        assert_eq!(list.iter_from(3).collect::<Vec<_>>(), ["x"]);
        let empty = WordList::from_sorted([]);
        assert!(empty.is_empty() && !empty.contains_sorted("a"));
        assert_eq!(empty.partition_point(|_| true), 0);
    }
}
