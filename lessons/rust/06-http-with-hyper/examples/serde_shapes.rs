// serde: derive Serialize and Deserialize, and shape the JSON with attributes instead of hand-written code.
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")] // Rust's snake_case fields, the API's camelCase keys
struct Order {
    order_id: u64,
    customer_email: String,
    #[serde(default)] // absent in the JSON: use Default (an empty Vec)
    items: Vec<Item>,
    #[serde(skip_serializing_if = "Option::is_none")] // None: leave the key out entirely
    coupon: Option<String>,
    status: Status,
}

#[derive(Debug, Serialize, Deserialize)]
struct Item {
    sku: String,
    quantity: u32,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Status {
    Pending,
    Shipped,
    Cancelled,
}

fn main() {
    let order = Order {
        order_id: 42,
        customer_email: "ada@example.com".to_string(),
        items: vec![Item { sku: "sku-1".to_string(), quantity: 2 }],
        coupon: None,
        status: Status::Pending,
    };
    println!("to JSON:   {}", serde_json::to_string(&order).unwrap());

    let text = r#"{"orderId": 7, "customerEmail": "alan@example.com", "coupon": "WELCOME", "status": "shipped"}"#;
    let parsed: Order = serde_json::from_str(text).unwrap();
    println!("from JSON: {:?}", parsed);

    // Bad input is a Result with a precise message: the key, the expected type, the position.
    let bad_inputs = [
        r#"{"orderId": "seven", "customerEmail": "x", "status": "pending"}"#,
        r#"{"orderId": 7, "status": "pending"}"#,
        r#"{"orderId": 7, "customerEmail": "x", "status": "lost"}"#,
    ];
    for text in bad_inputs {
        match serde_json::from_str::<Order>(text) {
            Ok(order) => println!("accepted:  {:?}", order),
            Err(error) => println!("rejected:  {}", error),
        }
    }

    // Untyped JSON when the shape is not known in advance.
    let value: serde_json::Value = serde_json::from_str(r#"{"user": {"id": 1, "tags": ["admin"]}}"#).unwrap();
    println!("untyped:   id {} first tag {}", value["user"]["id"], value["user"]["tags"][0]);
    println!("missing:   {}", value["user"]["nope"]);
}
