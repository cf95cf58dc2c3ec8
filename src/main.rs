//! The `planpub` binary: everything lives in the library; see [`planpub::cli`].

// A build allocates and frees many small values on every thread; mimalloc does that
// with far less contention and fewer trips to the kernel than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mimalloc.h` (v2 and v3 alike); the Rust
/// bindings do not name it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // A build is short and its memory peaks several times (parsing, then each output
    // family): giving freed memory back to the kernel after mimalloc's default 10 ms
    // only means the kernel zeroes it again for the next family — measured as 15,000
    // page faults and about 1.5 s of system time at 10,000 documents. The preview
    // server runs for hours, so it keeps the default and returns memory between
    // rebuilds. (Any argument `serve` keeps the default: wrong only in the safe way.)
    if !std::env::args_os().any(|a| a == "serve") {
        // SAFETY: mi_option_set only stores an integer option; any value is valid.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    }
    planpub::cli::run()
}
