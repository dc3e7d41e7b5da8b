import { describe, expect, it } from 'vitest';
import { classifyCue, groupRole } from './roles.ts';

describe('groupRole', () => {
  it('reads the words after 为', () => {
    expect(groupRole('为主、', '', null).role).toBe('core');
    expect(groupRole('为辅，形成', '', null).role).toBe('supporting');
    expect(groupRole('为核心区，', '', null).role).toBe('core');
    expect(groupRole('等地为辐射区，', '', null).role).toBe('supporting');
    expect(groupRole('为主要载体，', '', null).role).toBe('focus');
  });
  it('uses the clause when there is no 为', () => {
    expect(groupRole('特色中药材种植、生产流通核心区和以', '', null).role).toBe('core');
    expect(groupRole('重点发展通信设备', '', null).role).toBe('focus');
    expect(groupRole('新建总装生产区、培训中心', '', null).role).toBe('focus');
  });
  it('an enterprise as the core is not a role of the place', () => {
    expect(groupRole('以□□□□为核心，以', '', null).role).toBe('focus');
  });
  it('bullet titles and 提供配套 sentences scope the role', () => {
    expect(groupRole('重点发展', '', 'core').role).toBe('core');
    expect(groupRole('等市以发展硅片为主', '为光伏产业集聚区提供配套、支撑和补充', null).role).toBe('supporting');
  });
  it('classifyCue: the first cue wins', () => {
    expect(classifyCue('重点发展硅料等核心产品', false)).toBe('focus');
  });
});
