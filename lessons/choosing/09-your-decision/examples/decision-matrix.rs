// A weighted decision matrix for one project: an internal analytics API, about 2,000 requests per second at peak,
// a 200 ms p99 target, a team of four Python developers, ML models in the request path, eight weeks to ship.
// Weights add up to 100; each option scores 1 (poor) to 5 (excellent) on each criterion.
const OPTIONS: [&str; 4] = ["Python", "Node.js", "Go", "Rust"];

struct Criterion {
    name: &'static str,
    weight: i32,
    scores: [i32; 4], // in the order of OPTIONS
}

const CRITERIA: [Criterion; 5] = [
    Criterion { name: "performance", weight: 15, scores: [2, 3, 5, 5] },
    Criterion { name: "team fit", weight: 30, scores: [5, 2, 2, 1] },
    Criterion { name: "ML ecosystem", weight: 25, scores: [5, 3, 2, 2] },
    Criterion { name: "time to market", weight: 20, scores: [5, 4, 3, 1] },
    Criterion { name: "running cost", weight: 10, scores: [2, 3, 4, 5] },
];

/// The options with their weighted totals, best first; ties keep the order of OPTIONS (sort_by is stable).
fn ranking(weights: &[i32]) -> Vec<(&'static str, i32)> {
    let mut result: Vec<(&'static str, i32)> = OPTIONS
        .iter()
        .enumerate()
        .map(|(i, o)| (*o, CRITERIA.iter().zip(weights).map(|(c, w)| w * c.scores[i]).sum()))
        .collect();
    result.sort_by(|a, b| b.1.cmp(&a.1));
    result
}

fn row(label: &str, weight: &str, cells: &[String]) -> String {
    let mut line = format!("{:<16}{:<8}", label, weight);
    for c in cells {
        line.push_str(&format!("{:<8}", c));
    }
    line.trim_end().to_string()
}

fn main() {
    let weights: Vec<i32> = CRITERIA.iter().map(|c| c.weight).collect();
    let names: Vec<String> = OPTIONS.iter().map(|o| o.to_string()).collect();
    println!("{}", row("criterion", "weight", &names));
    for c in &CRITERIA {
        let cells: Vec<String> = c.scores.iter().map(|s| s.to_string()).collect();
        println!("{}", row(c.name, &c.weight.to_string(), &cells));
    }
    let ranked = ranking(&weights);
    let totals: Vec<String> = OPTIONS
        .iter()
        .map(|o| ranked.iter().find(|(name, _)| name == o).unwrap().1.to_string())
        .collect();
    println!("{}", row("total (of 500)", "", &totals));

    let parts: Vec<String> = ranked.iter().map(|(o, t)| format!("{} {}", o, t)).collect();
    println!("ranking: {}", parts.join(", "));
    println!("margin: {} leads {} by {}", ranked[0].0, ranked[1].0, ranked[0].1 - ranked[1].1);

    // Sensitivity: move weight from "team fit" (index 1) to "performance" (index 0) one point at a time.
    let winner = ranked[0].0;
    for moved in 1..=weights[1] {
        let mut shifted = weights.clone();
        shifted[0] += moved;
        shifted[1] -= moved;
        let leader = ranking(&shifted)[0].0;
        if leader != winner {
            println!(
                "sensitivity: {} overtakes {} when performance weighs {} and team fit {}",
                leader, winner, shifted[0], shifted[1]
            );
            return;
        }
    }
    println!("sensitivity: {} stays ahead however team fit and performance split their weight", winner);
}
