import {
  buildModel,
  composeDecisions,
  createTemplateRenderer,
  type DocTree,
  folderTemplates,
  renderDocument,
  resolveTheme,
  templateTheme,
  validateSessionText,
} from '../../src/index.js';
import { fixtureText } from './sessions.js';

/** The decisions DocTree of a fixture, as the pipeline renders it. */
export async function renderDocTree(name: string): Promise<DocTree> {
  const validated = validateSessionText(fixtureText(name), { fileName: name });
  if (!validated.ok) throw new Error('invalid fixture');
  const model = buildModel(validated.value);
  const renderer = createTemplateRenderer(folderTemplates(), model.session.locale);
  if (!renderer.ok) throw new Error('renderer');
  const theme = resolveTheme(model);
  const doc = renderDocument('decisions', composeDecisions(model), {
    renderer: renderer.value,
    theme,
    templateTheme: templateTheme(model, theme),
    date: model.session.date,
    defaultTitle: model.session.title,
  });
  if (!doc.ok) throw new Error(JSON.stringify(doc.diagnostics));
  return doc.value;
}
