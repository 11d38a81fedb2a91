// Tests for code-repository URLs: hosts, trailing punctuation, and one repository id per project
// whatever the spelling.
import { describe, expect, it } from 'vitest';
import { findRepositoryUrls, parseRepositoryUrl } from '../../../ingest/extract/code-links.js';

describe('ingest/extract/code-links', () => {
  describe('#parseRepositoryUrl', () => {
    it('should give one id for every spelling of a GitHub repository', () => {
      const spellings = [
        'https://github.com/kamanphoebe/m2mKD',
        'https://github.com/kamanphoebe/m2mKD.',
        'http://www.github.com/KamanPhoebe/M2MKD/',
        'https://github.com/kamanphoebe/m2mKD.git',
        'github.com/kamanphoebe/m2mKD/tree/main/src',
        'https://github.com/kamanphoebe/m2mKD#readme',
        'https://github.com/kamanphoebe/m2mKD).',
      ];
      const ids = new Set(spellings.map((s) => parseRepositoryUrl(s)?.id));
      expect([...ids]).toEqual(['repo:github.com/kamanphoebe/m2mkd']);
      expect(parseRepositoryUrl('https://github.com/kamanphoebe/m2mKD.')).toEqual({
        id: 'repo:github.com/kamanphoebe/m2mkd',
        url: 'https://github.com/kamanphoebe/m2mKD',
        host: 'github.com',
        owner: 'kamanphoebe',
        name: 'm2mKD',
      });
    });

    it('should parse GitLab groups, Bitbucket and Hugging Face repositories', () => {
      expect(parseRepositoryUrl('https://gitlab.com/group/sub/project/-/tree/main')?.id).toBe('repo:gitlab.com/group/sub/project');
      expect(parseRepositoryUrl('https://bitbucket.org/team/repo.git')?.id).toBe('repo:bitbucket.org/team/repo');
      expect(parseRepositoryUrl('https://huggingface.co/meta-llama/Llama-2-7b')?.id).toBe('repo:huggingface.co/meta-llama/llama-2-7b');
      expect(parseRepositoryUrl('https://huggingface.co/datasets/tatsu-lab/alpaca')?.id).toBe(
        'repo:huggingface.co/datasets/tatsu-lab/alpaca',
      );
    });

    it('should reject URLs that do not name a repository', () => {
      for (const url of [
        'https://github.com/kamanphoebe',
        'https://github.com/topics/nlp',
        'https://example.com/a/b',
        'not a url',
        'https://gitlab.com/onlygroup',
      ]) {
        expect(parseRepositoryUrl(url), url).toBeUndefined();
      }
    });
  });

  describe('#findRepositoryUrls', () => {
    it('should find repository URLs in running text', () => {
      const found = findRepositoryUrls(
        'Code: https://github.com/changlin31/BossNAS and (https://huggingface.co/org/model); also github.com/a/b.',
      );
      expect(found.map((f) => f.repo.url)).toEqual([
        'https://github.com/changlin31/BossNAS',
        'https://huggingface.co/org/model',
        'https://github.com/a/b',
      ]);
    });
  });
});
