import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Space, Typography } from 'antd';
import { CustomChart } from 'echarts/charts';
import { use } from 'echarts/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { todayInChina } from '../../../../../common/domain/dates';
import { useI18n } from '../../../i18n';
import { EChart, type EChartHandle } from '../../../ui/EChart';
import type { Plan } from '../api/tracks-api';
import { buildGanttOption } from '../utils/gantt';

use([CustomChart]);

const PRINTING_CLASS = 'printing-gantt';
// While printing the chart, the page shows only the print sheet (a sibling of the app's root), landscape.
const PRINT_CSS = `
.gantt-print-sheet { display: none; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body.${PRINTING_CLASS} > *:not(.gantt-print-sheet) { display: none !important; }
  body.${PRINTING_CLASS} .gantt-print-sheet { display: block; }
  .gantt-print-sheet img { width: 100%; height: auto; }
}`;

const ROW_HEIGHT = 40;

/** A PNG with a heading and a smaller line under it drawn above the picture (at the chart's pixel ratio 2). */
async function withHeading(pictureUrl: string, heading: string, subheading: string): Promise<string> {
  const picture = new Image();
  picture.src = pictureUrl;
  await picture.decode();
  const band = 112;
  const canvas = document.createElement('canvas');
  canvas.width = picture.width;
  canvas.height = picture.height + band;
  const context = canvas.getContext('2d');
  if (!context) return pictureUrl;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#1f1f1f';
  context.font = 'bold 36px sans-serif';
  context.fillText(heading, 32, 52, canvas.width - 64);
  context.fillStyle = '#8c8c8c';
  context.font = '24px sans-serif';
  context.fillText(subheading, 32, 92, canvas.width - 64);
  context.drawImage(picture, 0, band);
  return canvas.toDataURL('image/png');
}

/** The plan's Gantt chart (挂图作战) with export as PNG and a print view that shows the chart alone. */
export function GanttChart({ plan, projectName }: { plan: Plan; projectName: string }) {
  const { t } = useI18n();
  const chart = useRef<EChartHandle>(null);
  // Calendar dates are China Standard Time wherever the browser is.
  const today = todayInChina();
  const option = useMemo(() => buildGanttOption(plan, today, t), [plan, today, t]);
  const [printImage, setPrintImage] = useState<string | null>(null);
  const height = plan.milestones.length * ROW_HEIGHT + 130;

  useEffect(() => {
    if (!printImage) return;
    const done = () => {
      document.body.classList.remove(PRINTING_CLASS);
      setPrintImage(null);
    };
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, [printImage]);

  const image = () =>
    chart.current?.instance()?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff', excludeComponents: ['dataZoom'] }) ?? null;

  // The exported picture carries the project's name and the date above the chart: it is passed around on its own.
  const exportImage = async () => {
    const url = image();
    if (!url) return;
    const link = document.createElement('a');
    link.href = await withHeading(url, t('gantt.title', { name: projectName }), t('gantt.printedOn', { date: today }));
    link.download = `${t('gantt.title', { name: projectName })}-${today}.png`;
    link.click();
  };

  const print = () => {
    const url = image();
    if (!url) return;
    document.body.classList.add(PRINTING_CLASS);
    setPrintImage(url);
  };

  if (plan.milestones.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('gantt.empty')} />;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Flex justify="end" style={{ marginBottom: 8 }}>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={exportImage} data-testid="gantt-export">
            {t('gantt.export')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={print} data-testid="gantt-print">
            {t('gantt.print')}
          </Button>
        </Space>
      </Flex>
      <EChart ref={chart} option={option} style={{ height }} data-testid="gantt" />
      {printImage &&
        createPortal(
          <div className="gantt-print-sheet" data-testid="gantt-print-sheet">
            <Typography.Title level={4}>{t('gantt.title', { name: projectName })}</Typography.Title>
            <Typography.Text type="secondary">{t('gantt.printedOn', { date: today })}</Typography.Text>
            {/* Printing waits for the image, so the sheet never prints blank. */}
            <img src={printImage} alt={t('gantt.title', { name: projectName })} onLoad={() => window.print()} />
          </div>,
          document.body,
        )}
    </>
  );
}
