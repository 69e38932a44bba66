/**
 * The manifest of an extension or skin (`extension.json` / `skin.json`, in
 * the spirit of MediaWiki's extension registration). Paths are relative to
 * the module's folder; code modules export their handler as `default`.
 */
import { z } from 'zod';

export const manifestSchema = z
  .object({
    name: z.string().min(1),
    version: z.string().default('0.0.0'),
    author: z.union([z.string(), z.array(z.string())]).optional(),
    url: z.string().optional(),
    /** Message key of the description shown on Special:Version. */
    'descriptionmsg': z.string().optional(),
    'license-name': z.string().optional(),
    type: z.enum(['skin', 'specialpage', 'parserhook', 'api', 'other']).default('other'),
    /** Special page name → module path exporting a SpecialPage subclass. */
    SpecialPages: z.record(z.string(), z.string()).default({}),
    /** Hook name → module path (or list) exporting the handler function. */
    Hooks: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
    /** Rights this module defines (listed on Special:ListGroupRights). */
    AvailableRights: z.array(z.string()).default([]),
    /** Group → right → granted, merged into groupPermissions (site settings win). */
    GroupPermissions: z.record(z.string(), z.record(z.string(), z.boolean())).default({}),
    /** Message directories, relative to the module folder. */
    MessagesDirs: z.record(z.string(), z.array(z.string())).default({}),
    /** Config defaults: name → { value }. Site settings `config` override them. */
    config: z.record(z.string(), z.object({ value: z.unknown(), description: z.string().optional() })).default({}),
    /** REST routes under rest.php: { path: '/myext/v1/thing/{id}', method: 'GET', handler: 'module path' }. */
    RestRoutes: z
      .array(z.object({ path: z.string().startsWith('/'), method: z.union([z.string(), z.array(z.string())]).default('GET'), handler: z.string() }))
      .default([]),
    /** Skins only: skin key → module path exporting a Skin factory. */
    ValidSkinNames: z.record(z.string(), z.string()).default({}),
    /** Static resources: URL sub-path under /w/skins/<Name>/ or /w/extensions/<Name>/ → folder. */
    ResourceFileModulePaths: z.string().optional(),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
