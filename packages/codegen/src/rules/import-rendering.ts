import type { PlannedBinding } from './import-plan.js';

/** Writes the import declarations (or `require` statements) for planned bindings grouped by module. */
export function renderImports(plans: readonly PlannedBinding[], quote: string, commonJs: boolean): string {
  const groups = new Map<string, PlannedBinding[]>();
  for (const plan of plans) {
    if (plan.viaDefault !== undefined) continue;
    const module = plan.module ?? plan.binding.specifier;
    const key = `${module}\u0000${plan.imported === '*' ? `*${plan.local}` : ''}`;
    const group = groups.get(key);
    if (group) group.push(plan);
    else groups.set(key, [plan]);
  }
  const lines: string[] = [];
  for (const plan of plans) {
    if (plan.viaDefault === undefined) continue;
    const module = `${quote}${plan.module ?? plan.binding.specifier}${quote}`;
    lines.push(
      `import ${plan.viaDefault} from ${module};`,
      `const ${plan.local} = ${plan.viaDefault}.${plan.imported};`,
    );
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const module = `${quote}${first.module ?? first.binding.specifier}${quote}`;
    if (first.imported === '*') {
      lines.push(
        commonJs
          ? `const ${first.local} = require(${module});`
          : `import * as ${first.local} from ${module};`,
      );
      continue;
    }
    const defaults = group.filter((plan) => plan.imported === 'default' && !commonJs);
    const named = group.filter((plan) => !defaults.includes(plan));
    const typeOnly = group.every((plan) => plan.binding.typeOnly);
    const parts = named.map(
      (plan) => (plan.binding.typeOnly && !typeOnly ? 'type ' : '') + namedPart(plan, commonJs),
    );
    if (commonJs) {
      lines.push(`const { ${parts.join(', ')} } = require(${module});`);
      continue;
    }
    const head = defaults.map((plan) => plan.local);
    if (parts.length > 0) head.push(`{ ${parts.join(', ')} }`);
    lines.push(`import ${typeOnly ? 'type ' : ''}${head.join(', ')} from ${module};`);
  }
  return lines.join('\n');
}

function namedPart(plan: PlannedBinding, commonJs: boolean): string {
  if (plan.imported === plan.local) return plan.local;
  return commonJs ? `${plan.imported}: ${plan.local}` : `${plan.imported} as ${plan.local}`;
}
