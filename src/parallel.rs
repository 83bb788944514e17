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

/// [`slice_parts`] of an owned list: the same cuts, each part moved out.
pub(crate) fn owned_parts<T>(mut items: Vec<T>, parts: usize) -> Vec<(usize, Vec<T>)> {
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
