// The house style of a case file, for the form editor: the `putright-yaml` format.
//
// Decap CMS writes a whole file on every save. This format writes exactly what Putright's
// Python writer (tools/putright/housestyle.py) writes, rule for rule, so a round trip through
// the editor changes no byte and a one-field edit changes only that field's lines. A test
// runs both writers over every demo case. Change one, change the other.
//
// makeFormat(YAML, order, schemaRef) -> {fromFile, toFile}; YAML is the `yaml` package.

const WIDTH = 100;
const SCHEMA_LINE_PREFIX = '# yaml-language-server: $schema=';
const PLAIN = /^[A-Za-z][A-Za-z0-9 .,'/()@+_-]*$/;
const PLAIN_DIGITS = /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{4,9})$/;
const RESERVED = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const UNPRINTABLE = /[\x7f-\x84\x86-\x9f\ufffe\uffff]/g;
const NOT_IN_BLOCK = /[\x00-\x09\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]/;

function isMap(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function skipped(value) {
  // A mapping whose every value is left out is left out too (see housestyle.py).
  if (isMap(value)) return Object.values(value).every(skipped);
  return value === null || value === undefined || value === '';
}

function ordered(mapping, path, order) {
  const known = order[path] || [];
  const out = [];
  for (const key of known) {
    if (Object.prototype.hasOwnProperty.call(mapping, key) && !skipped(mapping[key])) {
      out.push([key, mapping[key]]);
    }
  }
  for (const [key, value] of Object.entries(mapping)) {
    if (!known.includes(key) && !skipped(value)) out.push([key, value]);
  }
  return out;
}

function quoted(text) {
  return JSON.stringify(text).replace(
    UNPRINTABLE,
    ch => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}

function keyText(key) {
  return KEY.test(key) && !RESERVED.has(key.toLowerCase()) ? key : quoted(key);
}

function length(line) {
  return [...line].length; // code points, as Python's len()
}

function blockable(text) {
  if (!text.includes('\n') || text.endsWith('\n\n') || text.startsWith(' ') || text.startsWith('\n')) {
    return false;
  }
  if (NOT_IN_BLOCK.test(text)) return false;
  return text.split('\n').every(line => line === line.replace(/ +$/, ''));
}

// A value on one line, or null for text that goes in a | block.
function scalar(value, flow) {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  if (PLAIN_DIGITS.test(text)) return text;
  if (
    PLAIN.test(text) &&
    !text.endsWith(' ') &&
    !RESERVED.has(text.toLowerCase()) &&
    !(flow && text.includes(','))
  ) {
    return text;
  }
  if (!flow && blockable(text)) return null;
  return quoted(text);
}

function block(lead, text, indent, out) {
  out.push(lead + (text.endsWith('\n') ? '|' : '|-'));
  const pad = ' '.repeat(indent);
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  for (const line of body.split('\n')) out.push(line ? pad + line : '');
}

function flowMap(mapping, path, order) {
  const parts = [];
  for (const [key, value] of ordered(mapping, path, order)) {
    if (typeof value === 'object') return null;
    // Text over several lines goes in a | block, so the mapping is not on one line.
    if (scalar(value, false) === null) return null;
    const shown = scalar(value, true);
    parts.push(`${keyText(key)}: ${shown}`);
  }
  return '{' + parts.join(', ') + '}';
}

function blockMap(mapping, path, indent, out, order, firstLead) {
  const pad = ' '.repeat(indent);
  ordered(mapping, path, order).forEach(([key, value], number) => {
    const lead = (number === 0 && firstLead !== null ? firstLead : pad) + keyText(key) + ':';
    const here = path ? `${path}.${key}` : key;
    if (isMap(value)) {
      const line = indent > 0 ? flowMap(value, here, order) : null;
      if (ordered(value, here, order).length === 0) {
        out.push(`${lead} {}`);
      } else if (line !== null && length(`${lead} ${line}`) <= WIDTH) {
        out.push(`${lead} ${line}`);
      } else {
        out.push(lead);
        blockMap(value, here, indent + 2, out, order, null);
      }
    } else if (Array.isArray(value)) {
      if (value.length === 0) {
        out.push(`${lead} []`);
      } else {
        out.push(lead);
        sequence(value, here, indent + 2, out, order);
      }
    } else {
      const shown = scalar(value, false);
      if (shown === null) block(`${lead} `, String(value), indent + 2, out);
      else out.push(`${lead} ${shown}`);
    }
  });
}

function sequence(items, path, indent, out, order) {
  const pad = ' '.repeat(indent);
  const here = `${path}[]`;
  for (const item of items) {
    if (isMap(item)) {
      const line = flowMap(item, here, order);
      if (line !== null && length(`${pad}- ${line}`) <= WIDTH) out.push(`${pad}- ${line}`);
      else blockMap(item, here, indent + 2, out, order, `${pad}- `);
    } else if (Array.isArray(item)) {
      if (item.length === 0) {
        out.push(`${pad}- []`);
      } else {
        out.push(`${pad}-`);
        sequence(item, here, indent + 2, out, order);
      }
    } else if (item === null || item === undefined) {
      out.push(`${pad}- null`);
    } else {
      const shown = scalar(item, false);
      if (shown === null) block(`${pad}- `, String(item), indent + 2, out);
      else out.push(`${pad}- ${shown}`);
    }
  }
}

export function dump(data, order) {
  const out = [];
  blockMap(data, '', 0, out, order, null);
  return (out.length ? out : ['{}']).join('\n') + '\n';
}

export function makeFormat(YAML, order, schemaRef) {
  return {
    fromFile(content) {
      // YAML 1.2's core schema: dates stay text, as the date widgets and the schema want.
      const data = YAML.parse(content, { schema: 'core', uniqueKeys: true });
      return isMap(data) ? data : {};
    },
    toFile(data) {
      return `${SCHEMA_LINE_PREFIX}${schemaRef}\n` + dump(data, order);
    },
  };
}
