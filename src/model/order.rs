//! Sorting large values (a 2 kB `Document`, a calendar event) by moving each once.
//!
//! A comparison sort moves elements about `n log n` times: for 100,000 documents that
//! is gigabytes copied, and it made resolving a site grow faster than the site. Here
//! the sort runs on indices, and the values are then put in place along the
//! permutation's cycles: each value moves once, with no second buffer.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, stably (equal values keep their order), as `slice::sort_by`
/// does, moving every value at most once.
pub fn sort_large_by<T: Sync>(v: &mut [T], compare: impl Fn(&T, &T) -> Ordering + Sync) {
    use rayon::prelude::*;
    let mut order: Vec<usize> = (0..v.len()).collect();
    // Indices sort stably (rayon's `par_sort_by` is stable), so ties keep their first
    // order; in parallel, as the preview sorts the site's events on every save.
    order.par_sort_by(|&a, &b| compare(&v[a], &v[b]));
    permute(v, &order);
}

/// Rearranges `v` so that position `k` holds what was at `order[k]`.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        if placed[start] {
            continue;
        }
        // Follow the cycle through `start`: each swap puts one value where it belongs
        // and carries `start`'s value along to the cycle's last position.
        let mut k = start;
        loop {
            placed[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Many ties and long cycles, compared with `sort_by` on the same input.
        let mut state = 12345u64;
        for len in [0, 1, 2, 3, 10, 257, 1000] {
            let input: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((state >> 59) as u8, i)
                })
                .collect();
            let mut ours = input.clone();
            sort_large_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = input;
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "length {len}");
        }
    }
}
