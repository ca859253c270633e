//! Prints the disassembly of a Python file (a development aid).
fn main() {
    let path = std::env::args().nth(1).expect("usage: dis FILE");
    let src = std::fs::read_to_string(&path).expect("readable file");
    match stitch_compiler::compile(&src, &path, stitch_compiler::Mode::Module) {
        Ok(c) => print!("{}", c.disassemble()),
        Err(e) => println!("error: {e:?}"),
    }
}
