// Placeholder until the PostgreSQL harness lands in this same commit series.
export default function setup() {}
