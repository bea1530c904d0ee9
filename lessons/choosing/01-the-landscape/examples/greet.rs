// Three services described as typed records, then printed as a short inventory.
struct Service {
    name: &'static str,
    language: &'static str,
    port: u16,
}

fn describe(s: &Service) -> String {
    format!("{:<16} {:<8} :{}", s.name, s.language, s.port)
}

fn main() {
    let services = [
        Service { name: "gateway", language: "Go", port: 8080 },
        Service { name: "recommendations", language: "Python", port: 8000 },
        Service { name: "chat", language: "Node.js", port: 3000 },
    ];
    for s in &services {
        println!("{}", describe(s));
    }
    println!("{} services", services.len());
}
