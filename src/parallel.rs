//! Splitting independent per-item work over the cores this process may use: the parts
//! cut in order and joined in order, so that results never depend on the split.

/// At most this many threads, whatever the machine offers.
const MAX_THREADS: usize = 8;

/// The threads `n` items are worked on: one below `parallel_min` items, else the cores
/// this process may use (at most [`MAX_THREADS`], and at least `parallel_min / 2` items
/// each).
pub(crate) fn threads_for(n: usize, parallel_min: usize) -> usize {
    use std::sync::OnceLock;
    static CORES: OnceLock<usize> = OnceLock::new();
    if n < parallel_min.max(2) {
        return 1;
    }
    let cores = *CORES.get_or_init(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    cores
        .min(MAX_THREADS)
        .min(n / (parallel_min / 2).max(1))
        .max(1)
}

/// `items` cut into `parts` consecutive slices of about the same length, each with the
/// index of its first item.
pub(crate) fn slice_parts<T>(items: &[T], parts: usize) -> Vec<(usize, &[T])> {
    let parts = parts.clamp(1, items.len().max(1));
    (0..parts)
        .map(|k| {
            let (a, b) = (k * items.len() / parts, (k + 1) * items.len() / parts);
            (a, &items[a..b])
        })
        .collect()
}

/// What `work(first, part, out)` appends for each of `parts` (`first`: the index of the
/// part's first item), joined in the parts' order: the first part on this thread, each
/// other on a thread of its own; `total` is the length expected (one allocation). The
/// same as one thread going through the parts in order, whenever `work` of an item
/// depends on that item alone.
pub(crate) fn in_parts<P: Send, R: Send>(
    parts: Vec<(usize, P)>,
    total: usize,
    work: impl Fn(usize, P, &mut Vec<R>) + Sync,
) -> Vec<R> {
    let mut out = Vec::with_capacity(total);
    let mut parts = parts.into_iter();
    let Some((first, mine)) = parts.next() else {
        return out;
    };
    if parts.len() == 0 {
        work(first, mine, &mut out);
        return out;
    }
    let work = &work;
    std::thread::scope(|s| {
        let later: Vec<_> = parts
            .map(|(first, part)| {
                s.spawn(move || {
                    let mut rest = Vec::new();
                    work(first, part, &mut rest);
                    rest
                })
            })
            .collect();
        work(first, mine, &mut out);
        for handle in later {
            match handle.join() {
                Ok(rest) => out.extend(rest),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    out
}

/// What `work(first, part, out)` makes of each of [`slice_parts`]'s `parts` of `items`:
/// `out` is the part of the result list at the same places (`first`: the index of the
/// part's first item), made beforehand with `empty()` in every slot for `work` to
/// overwrite; the first part on this thread, each other on a thread of its own. `work`
/// takes what it needs out of its items in place (`std::mem::take`): nothing is copied
/// to cut the list, and the results are written where they stay, so that a large list
/// and its results are each held once (peak memory: issue 20). The same as one thread
/// going through the parts in order, whenever `work` of an item depends on that item
/// alone.
pub(crate) fn map_in_parts<T: Send, R: Send>(
    items: &mut [T],
    parts: usize,
    empty: impl FnMut() -> R,
    work: impl Fn(usize, &mut [T], &mut [R]) + Sync,
) -> Vec<R> {
    let n = items.len();
    let mut out: Vec<R> = std::iter::repeat_with(empty).take(n).collect();
    let parts = parts.clamp(1, n.max(1));
    // both lists cut at slice_parts' places
    let mut cut: Vec<(usize, &mut [T], &mut [R])> = Vec::with_capacity(parts);
    let (mut items_left, mut out_left) = (items, out.as_mut_slice());
    for k in 0..parts {
        let (a, b) = (k * n / parts, (k + 1) * n / parts);
        let (i, i_rest) = std::mem::take(&mut items_left).split_at_mut(b - a);
        let (o, o_rest) = std::mem::take(&mut out_left).split_at_mut(b - a);
        cut.push((a, i, o));
        (items_left, out_left) = (i_rest, o_rest);
    }
    let mut cut = cut.into_iter();
    if let Some((first, mine, mine_out)) = cut.next() {
        if cut.len() == 0 {
            work(first, mine, mine_out);
        } else {
            let work = &work;
            std::thread::scope(|s| {
                let later: Vec<_> = cut
                    .map(|(first, part, part_out)| s.spawn(move || work(first, part, part_out)))
                    .collect();
                work(first, mine, mine_out);
                for handle in later {
                    if let Err(panic) = handle.join() {
                        std::panic::resume_unwind(panic);
                    }
                }
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split the analysis used before [`map_in_parts`]: [`slice_parts`]' cuts, each
    /// part moved out of the list (`split_off`: a copy of every part but the first, while
    /// the list is still held), joined by [`in_parts`].
    fn owned_parts<T>(mut items: Vec<T>, parts: usize) -> Vec<(usize, Vec<T>)> {
        let parts = parts.clamp(1, items.len().max(1));
        let n = items.len();
        let mut out: Vec<(usize, Vec<T>)> = (1..parts)
            .rev()
            .map(|k| {
                let a = k * n / parts;
                (a, items.split_off(a))
            })
            .collect();
        out.push((0, items));
        out.reverse();
        out
    }

    /// [`map_in_parts`] gives what [`in_parts`] of [`owned_parts`] gave, for random lists
    /// (of owned strings, each item's result depending on it and its index) cut in random
    /// numbers of parts, and leaves the items it took empty.
    #[test]
    fn map_in_parts_gives_what_owned_parts_gave() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        for round in 0..300 {
            let n = match round % 4 {
                0 => next(4),
                1 => next(40),
                _ => next(3_000),
            } as usize;
            let parts = 1 + next(12) as usize;
            let items: Vec<String> = (0..n).map(|_| format!("{}", next(1_000_000))).collect();
            let old = in_parts(
                owned_parts(items.clone(), parts),
                n,
                |first, part, out: &mut Vec<(usize, String)>| {
                    out.extend(
                        part.into_iter()
                            .enumerate()
                            .map(|(k, x)| (first + k, x + "!")),
                    );
                },
            );
            let mut taken = items.clone();
            let new = map_in_parts(
                &mut taken,
                parts,
                || (usize::MAX, String::new()),
                |first, part, out: &mut [(usize, String)]| {
                    for (k, (x, slot)) in part.iter_mut().zip(out).enumerate() {
                        *slot = (first + k, std::mem::take(x) + "!");
                    }
                },
            );
            assert_eq!(new, old, "{n} items, {parts} parts");
            assert!(taken.iter().all(String::is_empty));
        }
    }
}
