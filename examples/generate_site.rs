//! Writes the generated benchmark site: `cargo run --release --example generate_site -- DIR [N]`.

#[path = "../benches/support.rs"]
mod support;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: generate_site DIR [N]");
    let n: usize = args
        .next()
        .map(|s| s.parse().expect("N is a number"))
        .unwrap_or(10_000);
    support::generate(std::path::Path::new(&dir), n);
    println!("wrote a site with {n} documents to {dir}");
}
