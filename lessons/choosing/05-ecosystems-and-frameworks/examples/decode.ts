// What the everyday tool does with bad input. JSON.parse returns `any`: the type annotation is a promise the
// compiler cannot check, so nothing below is rejected. Real services add a validator such as zod at this edge.
type User = { name: string; age: number };

const bodies = [
  '{"name":"Ada","age":36}',
  '{"name":"Ada"}',
  '{"name":"Ada","age":"36"}',
  '{"name":"Ada","age":36,"admin":true}',
];

for (const body of bodies) {
  const user: User = JSON.parse(body);
  console.log(`${body} -> accepted: name=${user.name} age=${JSON.stringify(user.age)} (${typeof user.age})`);
}
