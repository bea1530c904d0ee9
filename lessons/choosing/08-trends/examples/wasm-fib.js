// A WebAssembly module written out byte by byte, then run by the Wasm engine built into Node.js (V8's, the same
// one Chrome and several edge platforms use). A compiler such as rustc would produce these bytes for you.

// One section = id, byte length, contents (every length here is under 128, so it fits in one LEB128 byte).
const section = (id, bytes) => [id, bytes.length, ...bytes];
const I32 = 0x7f;

const fibBody = [
  0x00,                         // no local variables
  0x20, 0x00,                   // local.get 0          (n)
  0x41, 0x02,                   // i32.const 2
  0x48,                         // i32.lt_s             (n < 2 ?)
  0x04, I32,                    // if (result i32)
  0x20, 0x00,                   //   local.get 0        -> n
  0x05,                         // else
  0x20, 0x00, 0x41, 0x01, 0x6b, //   n - 1
  0x10, 0x00,                   //   call 0             (fib)
  0x20, 0x00, 0x41, 0x02, 0x6b, //   n - 2
  0x10, 0x00,                   //   call 0             (fib)
  0x6a,                         //   i32.add
  0x0b,                         // end (if)
  0x0b,                         // end (function)
];

const bytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,        // "\0asm", version 1
  ...section(1, [0x01, 0x60, 0x01, I32, 0x01, I32]),     // types: one function type (i32) -> i32
  ...section(3, [0x01, 0x00]),                           // functions: one, of type 0
  ...section(7, [0x01, 0x03, 0x66, 0x69, 0x62, 0x00, 0x00]), // exports: "fib" = function 0
  ...section(10, [0x01, fibBody.length, ...fibBody]),    // code: the body above
]);

const module = new WebAssembly.Module(bytes);
console.log(`module: ${bytes.length} bytes, valid: ${WebAssembly.validate(bytes)}`);
for (const e of WebAssembly.Module.exports(module)) console.log(`exports: ${e.name} (${e.kind})`);

const { fib } = new WebAssembly.Instance(module).exports;
const fibJs = (n) => (n < 2 ? n : fibJs(n - 1) + fibJs(n - 2));
for (const n of [10, 20, 25]) {
  console.log(`fib(${n}) = ${fib(n)} in Wasm, ${fibJs(n)} in JavaScript`);
}
