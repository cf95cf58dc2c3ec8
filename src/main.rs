//! The `planpub` binary: everything lives in the library; see [`planpub::cli`].

// A build allocates and frees many small values on every thread; mimalloc does that
// with far less contention and fewer trips to the kernel than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    planpub::cli::run()
}
