// Three services described as typed records, then printed as a short inventory.
type Service = { name: string; language: string; port: number };

const services: Service[] = [
  { name: "gateway", language: "Go", port: 8080 },
  { name: "recommendations", language: "Python", port: 8000 },
  { name: "chat", language: "Node.js", port: 3000 },
];

function describe(service: Service): string {
  return `${service.name.padEnd(16)} ${service.language.padEnd(8)} :${service.port}`;
}

for (const service of services) console.log(describe(service));
console.log(`${services.length} services`);
