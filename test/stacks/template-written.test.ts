import { App, Stack } from 'aws-cdk-lib';
import { onTemplateWritten, templateWritten, WrittenTemplate } from '../../lib/stacks/template-written';

describe('templateWritten', () => {
  test('reaches every listener of the stack\'s app, in the order they were added, and no other app\'s', () => {
    const app = new App();
    const other = new App();
    const heard: string[] = [];
    onTemplateWritten(app, ({ stack, templatePath }: WrittenTemplate) => heard.push(`first ${stack.node.path} ${templatePath}`));
    onTemplateWritten(app, ({ stack }: WrittenTemplate) => heard.push(`second ${stack.node.path}`));
    onTemplateWritten(other, () => heard.push('other app'));
    templateWritten(new Stack(app, 'Domain'), '/out/Domain.template.json');
    expect(heard).toEqual(['first Domain /out/Domain.template.json', 'second Domain']);
  });

});
