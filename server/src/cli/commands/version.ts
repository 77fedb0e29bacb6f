// `govreport version` (also `govreport --version`).
import { VERSION } from '../../about';
import { defineCommand } from '../command';

export default defineCommand({
  name: 'version',
  summary: { zh: '显示版本号', en: 'print the version' },
  operands: '',
  options: [],
  async run(_args, { out }) {
    out.write(`${VERSION}\n`);
    return 0;
  },
});
