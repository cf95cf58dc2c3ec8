//! Digests that tell, within one running program, whether two values are the same:
//! a job's identity, the fingerprints of what a page read, the preview's cache keys.
//! They are never written out nor compared across runs, so what they need is speed and
//! good mixing, not stability across versions; foldhash (the hash behind hashbrown)
//! has both, at several times the speed of the standard library's SipHash on the short
//! strings hashed here (paths, slugs), tens of thousands of times per preview save.

use std::hash::{BuildHasher, Hash};

/// A hasher for [`digest`]-style numbers, fed piece by piece.
pub type Digester = foldhash::quality::FoldHasher<'static>;

/// A hash map keyed by values hashed the same way (not seeded per map: nothing here
/// is keyed by what a stranger chooses that could not be read anyway).
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::quality::FixedState>;

/// A hash set, hashed as [`FastMap`].
pub type FastSet<T> = std::collections::HashSet<T, foldhash::quality::FixedState>;

/// A new hasher; every one starts from the same state, so equal input gives equal
/// digests throughout the program.
pub fn digester() -> Digester {
    foldhash::quality::FixedState::default().build_hasher()
}

/// The digest of one value.
pub fn digest(v: impl Hash) -> u64 {
    foldhash::quality::FixedState::default().hash_one(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hasher;

    #[test]
    fn equal_values_agree_and_near_values_differ() {
        let mut h = digester();
        "planer/a/index.html".hash(&mut h);
        assert_eq!(h.finish(), digest("planer/a/index.html"));
        assert_ne!(digest("planer/a/index.html"), digest("planer/b/index.html"));
        assert_ne!(digest(("a", "bc")), digest(("ab", "c")));
    }
}
