// Every value has one owner. Passing it by value moves it; borrowing with & lends it without giving it away.
fn total_len(names: &[String]) -> usize {
    names.iter().map(|n| n.len()).sum()
}

fn consume(names: Vec<String>) -> usize {
    names.len()
} // `names` is dropped here: its memory is freed, no garbage collector involved

fn main() {
    let mut names = vec![String::from("gateway"), String::from("billing")];

    let borrowed = total_len(&names); // a shared borrow: `names` is still ours
    println!("total length while borrowed: {}", borrowed);

    names.push(String::from("search")); // a mutable use is fine once the borrow has ended
    let copy = names.clone(); // an explicit deep copy

    let count = consume(names); // ownership moves into `consume`
    println!("consumed {} names", count);
    // println!("{:?}", names); // would not compile: `names` was moved

    println!("the clone still has {:?}", copy);
}
