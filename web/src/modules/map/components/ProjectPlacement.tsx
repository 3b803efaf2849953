import { AimOutlined, BorderOuterOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Project } from '../../../../../common/schemas/projects';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useSaveProject } from '../../projects/hooks/use-projects';
import { useMapBase } from '../hooks/use-map';
import type { LonLat, MapOverlay } from '../utils/map-option';
import { RegionMap } from './RegionMap';

type Mode = 'view' | 'point' | 'outline';

/** The project's saved point and outline corners (the closing point left out). */
function savedPlace(project: Project): { savedPoint: LonLat | null; savedOutline: LonLat[] } {
  const savedPoint: LonLat | null = project.longitude !== null && project.latitude !== null ? [project.longitude, project.latitude] : null;
  return { savedPoint, savedOutline: (project.outline?.coordinates[0] ?? []).slice(0, -1) as LonLat[] };
}

const samePlace = (a: LonLat | undefined, b: LonLat) => !!a && a[0] === b[0] && a[1] === b[1];

/**
 * The project's place on the map (位置与用地范围): its point and site outline over its district's boundary. Whoever may
 * edit the project places the point by clicking, or draws the outline corner by corner (double-click closes it), and
 * saves through the project's own PATCH, which checks both.
 */
export function ProjectPlacement({ project }: { project: Project }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const base = useMapBase(project.regionCode);
  const save = useSaveProject();
  const showError = useShowError();
  const [mode, setMode] = useState<Mode>('view');
  const [point, setPoint] = useState<LonLat | null>(null);
  const [corners, setCorners] = useState<LonLat[]>([]);
  const [closed, setClosed] = useState(false);

  const { savedPoint, savedOutline } = useMemo(() => savedPlace(project), [project]);
  const overlay: MapOverlay = useMemo(
    () =>
      mode === 'outline'
        ? { point: savedPoint, outline: corners, closed }
        : { point: mode === 'point' ? (point ?? savedPoint) : savedPoint, outline: savedOutline, closed: savedOutline.length > 2 },
    [mode, point, corners, closed, savedPoint, savedOutline],
  );

  const start = (next: Mode) => {
    setMode(next);
    setPoint(null);
    setCorners([]);
    setClosed(false);
  };
  const onMapClick = (at: LonLat) => {
    if (mode === 'point') setPoint(at);
    if (mode === 'outline' && !closed) setCorners((list) => (samePlace(list.at(-1), at) ? list : [...list, at]));
  };
  const onMapDoubleClick = () => {
    if (mode === 'outline') setClosed(true);
  };
  const send = (body: { longitude?: number; latitude?: number; outline?: Project['outline'] }) =>
    save.mutate(
      { id: project.id, body: { ...body, version: project.version } },
      {
        onSuccess: () => {
          message.success(t('map.place.saved'));
          start('view');
        },
        onError: (error) => showError(error),
      },
    );
  const submit = () => {
    if (mode === 'point' && point) send({ longitude: point[0], latitude: point[1] });
    if (mode === 'outline') {
      if (corners.length < 3) {
        message.error(t('map.place.tooFew'));
        return;
      }
      const first = corners[0] as LonLat;
      send({ outline: { type: 'Polygon', coordinates: [[...corners, first]] } });
    }
  };

  const editable = project.abilities.update === true;
  const hint = mode === 'point' ? t('map.place.pointHint') : mode === 'outline' ? t('map.place.outlineHint') : null;
  const shown = mode === 'point' ? (point ?? savedPoint) : savedPoint;

  return (
    <Card title={t('map.place.title')} size="small" data-testid="project-placement">
      <Flex vertical gap={8}>
        {editable && mode === 'view' && (
          <Space size={4} wrap>
            <Button size="small" icon={<AimOutlined />} onClick={() => start('point')} data-testid="place-point">
              {t('map.place.point')}
            </Button>
            <Button size="small" icon={<BorderOuterOutlined />} onClick={() => start('outline')} data-testid="place-outline">
              {t('map.place.outline')}
            </Button>
          </Space>
        )}
        <Typography.Text type={shown ? undefined : 'secondary'} data-testid="placement-point">
          {shown ? t('map.place.at', { lon: shown[0].toFixed(6), lat: shown[1].toFixed(6) }) : t('map.place.none')}
          {mode !== 'outline' && savedOutline.length > 2 ? ` · ${t('map.place.corners', { count: savedOutline.length })}` : ''}
          {mode === 'outline' ? ` · ${t('map.place.corners', { count: corners.length })}` : ''}
        </Typography.Text>
        {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
        {base.data ? (
          <RegionMap
            base={base.data}
            overlay={overlay}
            regionLabels={false}
            onMapClick={onMapClick}
            onMapDoubleClick={onMapDoubleClick}
            style={{ height: 320 }}
            data-testid="placement-map"
          />
        ) : (
          <Skeleton active />
        )}
        {mode !== 'view' && (
          <Space wrap>
            <Button
              type="primary"
              onClick={submit}
              loading={save.isPending}
              disabled={mode === 'point' ? !point : corners.length < 3}
              data-testid="placement-save"
            >
              {t('map.place.save')}
            </Button>
            <Button onClick={() => start('view')}>{t('map.place.cancel')}</Button>
          </Space>
        )}
        {mode === 'view' && editable && savedOutline.length > 2 && (
          <Button size="small" type="link" danger onClick={() => send({ outline: null })} style={{ alignSelf: 'flex-start', padding: 0 }}>
            {t('map.place.clearOutline')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
